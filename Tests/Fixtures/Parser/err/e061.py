elif x:
 pass
