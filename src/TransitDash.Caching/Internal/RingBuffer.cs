namespace TransitDash.Internal;

/// <summary>A fixed-capacity buffer that overwrites its oldest item: memory stays bounded however long the
/// host runs. Writers and readers take a short lock; readers get a copy.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class RingBuffer<T>
{
    private readonly T[] _items;
    private readonly Lock _lock = new();
    private int _next;
    private int _count;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public void Add(T item)
    {
        lock (_lock)
        {
            _items[_next] = item;
            _next = (_next + 1) % _items.Length;
            _count = Math.Min(_count + 1, _items.Length);
        }
    }

    public void AddRange(IReadOnlyList<T> items)
    {
        lock (_lock)
        {
            foreach (var item in items)
            {
                _items[_next] = item;
                _next = (_next + 1) % _items.Length;
                _count = Math.Min(_count + 1, _items.Length);
            }
        }
    }

    /// <summary>The items, oldest first.</summary>
    public T[] ToArray()
    {
        lock (_lock)
        {
            var result = new T[_count];
            var start = (_next - _count + _items.Length) % _items.Length;
            for (var i = 0; i < _count; i++)
            {
                result[i] = _items[(start + i) % _items.Length];
            }

            return result;
        }
    }

    /// <summary>At most <paramref name="limit"/> items, newest first.</summary>
    public T[] Newest(int limit)
    {
        lock (_lock)
        {
            var n = Math.Clamp(limit, 0, _count);
            var result = new T[n];
            for (var i = 0; i < n; i++)
            {
                result[i] = _items[(_next - 1 - i + (2 * _items.Length)) % _items.Length];
            }

            return result;
        }
    }
}
