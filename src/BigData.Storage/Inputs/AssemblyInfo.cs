using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("BigData.Storage.Tests")]
