return WarcUriCount.Streaming.StreamingApp.Run(args, WarcUriCount.Streaming.StreamingConsole.Process());
