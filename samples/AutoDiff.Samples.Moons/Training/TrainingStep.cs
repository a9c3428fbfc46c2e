namespace AutoDiff.Samples.Moons.Training;

/// <summary>What one step saw, as micrograd's demo prints it: the loss and accuracy before the update.</summary>
/// <param name="Step">0-based step number.</param>
/// <param name="Loss">Training loss at the weights before this step's update.</param>
/// <param name="Accuracy">Training accuracy at those weights, in [0, 1].</param>
/// <param name="LearningRate">The learning rate of this step's update.</param>
public readonly record struct TrainingStep(int Step, double Loss, double Accuracy, double LearningRate);
