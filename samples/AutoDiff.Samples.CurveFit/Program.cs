return AutoDiff.Samples.CurveFit.CurveFitApp.Run(args);
