using BenchmarkDotNet.Running;

// Micro-benchmarks of the vector kernels (BenchmarkDotNet). Not tests: nothing here asserts, and scripts/test.sh never
// runs it. `dotnet run -c Release --project bench/KnowledgeLoop.Bench.Micro -- --filter '*'` (or a class name).
BenchmarkSwitcher.FromAssembly(typeof(KnowledgeLoop.Bench.Micro.KernelData).Assembly).Run(args);
