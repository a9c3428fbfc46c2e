Console.WriteLine("moons sample: coming with the main-job issue");
