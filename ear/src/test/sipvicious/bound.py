#!/usr/bin/python3
# Runs Debian's svcrack or svwar (sipvicious 0.3.3) from a given source address. Their -b option
# is parsed but never handed to the scanner, which binds to any address: from there the kernel
# picks 127.0.0.1 towards the server, the tests' own address. This passes the address on and
# changes nothing else. Usage: bound.py svcrack|svwar ADDRESS [tool options...] target
import sys

sys.path.insert(0, "/usr/share/sipvicious")
tool, address = sys.argv[1], sys.argv[2]
if tool == "svcrack":
    from sipvicious import svcrack as module
    scanner = module.ASipOfRedWine
elif tool == "svwar":
    from sipvicious import svwar as module
    scanner = module.TakeASip
else:
    sys.exit("bound.py: svcrack or svwar, not " + tool)
unbound = scanner.__init__


def bound(self, *args, **kwargs):
    kwargs["bindingip"] = address
    unbound(self, *args, **kwargs)


scanner.__init__ = bound
sys.argv = [tool] + sys.argv[3:]
sys.exit(module.main())
