import sys

from ocop.cli import main

sys.exit(main())
