Isol8TUICommand.main()
