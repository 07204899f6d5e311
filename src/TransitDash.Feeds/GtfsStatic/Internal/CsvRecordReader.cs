using System.Text;

namespace TransitDash.Feeds.GtfsStatic.Internal;

/// <summary>Reads RFC 4180 records from GTFS text: quoted fields with embedded commas, doubled quotes
/// and line breaks; CRLF, LF or CR line ends; a leading byte order mark; blank lines skipped.
/// Lenient where producers are sloppy: text after a closing quote is kept, a quote inside an unquoted
/// field is an ordinary character. Only an unterminated quoted field is an error.</summary>
internal sealed class CsvRecordReader
{
    private const char ByteOrderMark = '\uFEFF';

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[8192];
    private readonly StringBuilder _field = new();
    private int _position;
    private int _length;
    private int _line = 1;
    private bool _started;

    public CsvRecordReader(TextReader reader) => _reader = reader;

    /// <summary>The 1-based line on which the last record read starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/> (cleared first).</summary>
    /// <returns>False at the end of the text.</returns>
    /// <exception cref="FormatException">A quoted field is never closed.</exception>
    public bool TryReadRecord(List<string> fields)
    {
        fields.Clear();
        if (!_started)
        {
            _started = true;
            if (Peek() == ByteOrderMark)
            {
                Read();
            }
        }

        while (Peek() is '\r' or '\n')
        {
            ReadLineEnd(Read());
        }

        if (Peek() == -1)
        {
            return false;
        }

        RecordLine = _line;
        bool recordEnded;
        do
        {
            recordEnded = ReadField(out var value);
            fields.Add(value);
        }
        while (!recordEnded);

        return true;
    }

    // Returns true when the field was the last of its record.
    private bool ReadField(out string value)
    {
        _field.Clear();
        if (Peek() == '"')
        {
            Read();
            ReadQuoted();
        }

        while (true)
        {
            var c = Read();
            switch (c)
            {
                case -1:
                    value = _field.ToString();
                    return true;
                case ',':
                    value = _field.ToString();
                    return false;
                case '\r' or '\n':
                    ReadLineEnd(c);
                    value = _field.ToString();
                    return true;
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }

    private void ReadQuoted()
    {
        var openedOn = _line;
        while (true)
        {
            var c = Read();
            if (c == -1)
            {
                throw new FormatException($"The quoted field that starts on line {openedOn} is never closed.");
            }

            if (c == '"')
            {
                if (Peek() != '"')
                {
                    return;
                }

                Read();
            }
            else if (c == '\n' || (c == '\r' && Peek() != '\n'))
            {
                _line++;
            }

            _field.Append((char)c);
        }
    }

    private void ReadLineEnd(int c)
    {
        if (c == '\r' && Peek() == '\n')
        {
            Read();
        }

        _line++;
    }

    private int Peek() => _position < _length || Fill() ? _buffer[_position] : -1;

    private int Read() => _position < _length || Fill() ? _buffer[_position++] : -1;

    private bool Fill()
    {
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
