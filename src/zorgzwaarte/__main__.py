from zorgzwaarte.cli.main import main

main()
