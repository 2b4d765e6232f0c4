return BigData.Cli.CliApp.Run(args);
