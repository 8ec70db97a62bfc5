import AttuneCLI
AttuneCommand.main()
