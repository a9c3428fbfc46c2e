return AutoDiff.Samples.Greeks.GreeksApp.Run(args);
