namespace TransitDash.ConsoleHost.Board;

/// <summary>The next trains at one station in one direction, soonest first.</summary>
internal sealed record TrainRow(string Station, string? Direction, IReadOnlyList<NextTrain> Trains);
