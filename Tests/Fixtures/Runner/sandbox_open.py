# expect sandbox
print("before")
open("/etc/passwd").read()
