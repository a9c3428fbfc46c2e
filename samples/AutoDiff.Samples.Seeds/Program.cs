Console.WriteLine("seeds sample: coming with the runtime issue");
