using Microsoft.Spark.Sql;
using WarcUriCount.Spark;
using WarcUriCount.SparkPlan;

// Thin entry point: parse, build the plan (pure, tested without a JVM), run it.
var parsed = SparkArguments.Parse(args);
if (parsed.HelpRequested)
{
    Console.Out.WriteLine(SparkArguments.Usage);
    return 0;
}

if (parsed.Options == null)
{
    Console.Error.WriteLine("warc-uri-count (spark): " + parsed.Error);
    Console.Error.WriteLine(SparkArguments.Usage);
    return 2;
}

var plan = SparkPlanBuilder.Build(parsed.Options);
var spark = SparkSession.Builder().AppName("warc-uri-count").GetOrCreate();
try
{
    return new SparkJobRunner(spark, plan, Console.Out, Console.Error).Run();
}
finally
{
    spark.Stop();
}
