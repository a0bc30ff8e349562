using System.Runtime.InteropServices;

namespace Network.Modules.Media.Imaging;

/// <summary>libvips set up once per process, and its error buffer turned into exceptions.</summary>
internal static class Vips
{
    // Enumerations of libvips 8.14 passed through option lists.
    public const int FailOnError = 2;          // VIPS_FAIL_ON_ERROR: stop on a serious error or a truncation
    public const int AccessSequential = 1;     // VIPS_ACCESS_SEQUENTIAL: top-to-bottom, a few lines in memory
    public const int SizeDown = 2;             // VIPS_SIZE_DOWN: never upscale
    public const int FormatUChar = 0;          // VIPS_FORMAT_UCHAR
    public const int MaxCoordinate = 10_000_000; // VIPS_MAX_COORD: "no height limit" for vips_thumbnail

    private static readonly Lock InitLock = new();
    private static bool _initialized;

    /// <summary>
    /// vips_init once. The operation cache is off: uploads are never processed twice, and a cached operation
    /// would keep a reference to a caller's pinned buffer after it is released. Untrusted loaders are blocked.
    /// </summary>
    public static void EnsureInitialized(int concurrency)
    {
        if (Volatile.Read(ref _initialized)) return;
        lock (InitLock)
        {
            if (_initialized) return;
            // vips_init loads the optional modules found in its libdir (ImageMagick, OpenSlide, Poppler, HEIF, JPEG XL).
            // None is needed for JPEG, PNG, WebP and GIF (built into libvips), they widen what a crafted file can reach,
            // and OpenSlide brings the system SQLite into the global symbol scope, where it collides with the SQLite
            // EF Core bundles (a segmentation fault when libvips starts before the first database access). Pointing
            // VIPSHOME at a folder without modules keeps them out; an operator's own VIPSHOME is respected.
            if (Environment.GetEnvironmentVariable("VIPSHOME") is null)
                VipsNative.setenv("VIPSHOME", Path.Combine(AppContext.BaseDirectory, "no-vips-modules"), 0);
            if (VipsNative.vips_init("reseau") != 0) throw Error("vips_init");
            VipsNative.vips_cache_set_max(0);
            VipsNative.vips_cache_set_max_mem(0);
            VipsNative.vips_cache_set_max_files(0);
            VipsNative.vips_concurrency_set(Math.Max(1, concurrency));
            VipsNative.vips_block_untrusted_set(1);
            Volatile.Write(ref _initialized, true);
        }
    }

    /// <summary>The libvips error buffer (cleared), as an exception naming the operation that failed.</summary>
    public static VipsException Error(string operation)
    {
        var message = Marshal.PtrToStringUTF8(VipsNative.vips_error_buffer())?.Trim() ?? "";
        VipsNative.vips_error_clear();
        return new VipsException($"{operation} failed: {message}");
    }

    public static VipsImageHandle Check(VipsImageHandle image, string operation)
    {
        if (!image.IsInvalid) return image;
        image.Dispose();
        throw Error(operation);
    }

    public static void Check(int result, string operation)
    {
        if (result != 0) throw Error(operation);
    }

    /// <summary>Copies a saver's output into managed memory; the GLib buffer is freed by the caller's using.</summary>
    public static byte[] ToArray(GLibBuffer buffer, nuint length)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)length));
        Marshal.Copy(buffer.DangerousGetHandle(), bytes, 0, bytes.Length);
        return bytes;
    }

    public static string? GetString(VipsImageHandle image, string field)
        => VipsNative.vips_image_get_string(image, field, out var value) == 0 ? Marshal.PtrToStringUTF8(value) : ClearAndNull();

    public static int? GetInt(VipsImageHandle image, string field)
        => VipsNative.vips_image_get_int(image, field, out var value) == 0 ? value : ClearAndNullInt();

    public static IReadOnlyList<string> FieldNames(VipsImageHandle image)
    {
        var array = VipsNative.vips_image_get_fields(image);
        var names = new List<string>();
        try
        {
            for (var i = 0; ; i++)
            {
                var item = Marshal.ReadIntPtr(array, i * IntPtr.Size);
                if (item == IntPtr.Zero) break;
                names.Add(Marshal.PtrToStringUTF8(item)!);
            }
        }
        finally
        {
            VipsNative.g_strfreev(array);
        }
        return names;
    }

    private static string? ClearAndNull()
    {
        VipsNative.vips_error_clear();
        return null;
    }

    private static int? ClearAndNullInt()
    {
        VipsNative.vips_error_clear();
        return null;
    }
}

/// <summary>A managed buffer pinned while libvips reads it (its loaders do not copy their input).</summary>
internal readonly struct PinnedBuffer : IDisposable
{
    private readonly GCHandle _handle;

    public PinnedBuffer(byte[] bytes)
    {
        _handle = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        Length = (nuint)bytes.Length;
    }

    public IntPtr Pointer => _handle.AddrOfPinnedObject();

    public nuint Length { get; }

    public void Dispose() => _handle.Free();
}

public sealed class VipsException(string message) : Exception(message);
