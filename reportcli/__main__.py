from reportcli.cli.app import main

main()
