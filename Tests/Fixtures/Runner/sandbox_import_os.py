# expect sandbox
import os
print(os.listdir("/"))
