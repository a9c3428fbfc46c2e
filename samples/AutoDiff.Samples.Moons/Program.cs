return AutoDiff.Samples.Moons.MoonsApp.Run(args);
