using BenchmarkDotNet.Running;
using BigData.Benchmarks;

// Besides the BenchmarkDotNet suites this executable hosts small tools for scripts/bench.sh. BenchmarkDotNet runs
// each benchmark in a process it generates and builds itself, so these modes never interfere with it.
return args switch
{
    ["gunzip", .. var rest] => GunzipTool.Run(rest),
    ["sample", ..] => await SampleTool.RunAsync(args),
    ["stages", .. var files] => StagesTool.Run(files),
    ["serve", .. var rest] => ServeTool.Run(rest),
    ["overhead", .. var rest] => OverheadTool.Run(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
