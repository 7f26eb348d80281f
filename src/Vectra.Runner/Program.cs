return Vectra.Runner.Cli.VectraCli.Run(args);
