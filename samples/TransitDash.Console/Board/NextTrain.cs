namespace TransitDash.ConsoleHost.Board;

/// <summary>One train: its line and the whole minutes until it arrives.</summary>
internal sealed record NextTrain(string Line, int Minutes);
