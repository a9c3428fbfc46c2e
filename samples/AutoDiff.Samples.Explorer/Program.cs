using AutoDiff.Samples.Explorer;

// dotnet run --project samples/AutoDiff.Samples.Explorer [--urls http://localhost:5080]
ExplorerApp.Create(args).Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
