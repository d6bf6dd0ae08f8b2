x = (1 +
     2)
y = [
  1,
  # comment
  2,
]
z = 1 + \
    2

# trailing comment
   
	
