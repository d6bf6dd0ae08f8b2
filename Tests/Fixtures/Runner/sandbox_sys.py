# expect sandbox
import sys
sys.exit(0)
