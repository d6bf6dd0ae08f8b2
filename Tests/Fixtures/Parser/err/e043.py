return
  x
