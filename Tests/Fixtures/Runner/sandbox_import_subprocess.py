# expect sandbox
from subprocess import run
