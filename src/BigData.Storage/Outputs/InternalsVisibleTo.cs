using System.Runtime.CompilerServices;

// The output tests check the Thrift encoder and the UTF-8 repair directly.
[assembly: InternalsVisibleTo("BigData.Storage.Tests")]
