\ x
