"""`python -m tiesdb` is the `tiesdb` command."""
from tiesdb.cli import main

main()
