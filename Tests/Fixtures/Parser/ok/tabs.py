if x:
	if y:
		pass
	else:
		pass
	z = 1
class C:
	def f(self):
		return 1
