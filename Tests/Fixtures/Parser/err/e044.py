if True:
	x
        y
