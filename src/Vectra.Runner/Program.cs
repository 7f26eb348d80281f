Vectra.Runner.NativeHeap.Configure();
return Vectra.Runner.Commands.VectraCli.Run(args);
