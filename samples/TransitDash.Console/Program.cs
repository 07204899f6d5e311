return await TransitDash.ConsoleHost.ConsoleApp.RunAsync(args).ConfigureAwait(false);
