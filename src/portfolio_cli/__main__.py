"""`python -m portfolio_cli` runs the command-line tool."""

from portfolio_cli.entry import main

if __name__ == "__main__":
    main()
