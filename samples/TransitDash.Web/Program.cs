return await TransitDash.Web.TransitDashWebApp.RunAsync(args).ConfigureAwait(false);
