return Vectra.Runner.Commands.VectraCli.Run(args);
