using System.Runtime.InteropServices;

namespace Network.Modules.Media.Imaging;

/// <summary>
/// The few libvips 8.14 entry points the media pipeline uses (Debian <c>libvips42</c>). The C functions
/// that take "name, value, ..., NULL" option lists are declared with fixed trailing arguments ending in
/// <see cref="IntPtr.Zero"/>, as NetVips does: on x64 and arm64 Linux integer and pointer arguments of a
/// variadic call travel exactly like fixed ones. No double is ever passed through the variadic part.
/// </summary>
internal static class VipsNative
{
    private const string Vips = "libvips.so.42";
    private const string GObject = "libgobject-2.0.so.0";
    private const string GLib = "libglib-2.0.so.0";

    // Runtime set-up
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_init([MarshalAs(UnmanagedType.LPUTF8Str)] string argv0);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void vips_cache_set_max(int max);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void vips_cache_set_max_mem(nuint maxMem);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void vips_cache_set_max_files(int maxFiles);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void vips_concurrency_set(int concurrency);

    /// <summary>Blocks the loaders libvips marks as unfuzzed/untrusted (ImageMagick, matio...).</summary>
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void vips_block_untrusted_set(int state);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern long vips_tracked_get_mem_highwater();

    // Errors: one buffer per process, read then cleared.
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern IntPtr vips_error_buffer();

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void vips_error_clear();

    // Images: load (header only until pixels are needed), fields, lifetime
    /// <summary>Does not copy <paramref name="buffer"/>: it must stay pinned while any image made from it lives.</summary>
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern VipsImageHandle vips_image_new_from_buffer(IntPtr buffer, nuint length,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string optionString,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name1, int value1,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name2, int value2,
        IntPtr end);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern VipsImageHandle vips_image_new_from_memory_copy(IntPtr data, nuint size, int width, int height, int bands, int format);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern VipsImageHandle vips_image_copy_memory(VipsImageHandle image);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_image_get_width(VipsImageHandle image);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_image_get_height(VipsImageHandle image);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_image_get_bands(VipsImageHandle image);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_image_hasalpha(VipsImageHandle image);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_image_get_n_pages(VipsImageHandle image);

    /// <summary>True when the orientation tag (5 to 8) swaps width and height once applied.</summary>
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_image_get_orientation_swap(VipsImageHandle image);

    /// <summary>The GType of a metadata field, 0 when the image has no such field.</summary>
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern nuint vips_image_get_typeof(VipsImageHandle image, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_image_get_int(VipsImageHandle image, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, out int value);

    /// <summary>The string is owned by the image: not freed by the caller.</summary>
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_image_get_string(VipsImageHandle image, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, out IntPtr value);

    /// <summary>A NULL-terminated array of field names, freed with g_strfreev.</summary>
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern IntPtr vips_image_get_fields(VipsImageHandle image);

    /// <summary>Removes a metadata field; returns TRUE when it existed.</summary>
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_image_remove(VipsImageHandle image, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void vips_image_set_int(VipsImageHandle image, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int value);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void vips_image_set_blob_copy(VipsImageHandle image, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, byte[] data, nuint length);

    // Operations
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_autorot(VipsImageHandle input, out VipsImageHandle output, IntPtr end);

    /// <summary>Loads and shrinks in one go: JPEG and WebP decode directly at a reduced scale (shrink-on-load).</summary>
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_thumbnail_buffer(IntPtr buffer, nuint length, out VipsImageHandle output, int width,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name1, int value1,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name2, int value2,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name3, [MarshalAs(UnmanagedType.LPUTF8Str)] string value3,
        IntPtr end);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_thumbnail_image(VipsImageHandle input, out VipsImageHandle output, int width,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name1, int value1,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name2, int value2,
        IntPtr end);

    /// <summary>Pixel values at (x, y); the vector is freed with g_free.</summary>
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_getpoint(VipsImageHandle input, out IntPtr vector, out int count, int x, int y, IntPtr end);

    // Savers: the buffer they return is freed with g_free.
    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_webpsave_buffer(VipsImageHandle input, out GLibBuffer buffer, out nuint length,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name1, int value1,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name2, int value2,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name3, int value3,
        IntPtr end);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_jpegsave_buffer(VipsImageHandle input, out GLibBuffer buffer, out nuint length,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name1, int value1,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name2, int value2,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name3, int value3,
        IntPtr end);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_pngsave_buffer(VipsImageHandle input, out GLibBuffer buffer, out nuint length,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name1, int value1,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string name2, int value2,
        IntPtr end);

    [DllImport(Vips, CallingConvention = CallingConvention.Cdecl)]
    internal static extern int vips_gifsave_buffer(VipsImageHandle input, out GLibBuffer buffer, out nuint length, IntPtr end);

    // C library
    [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
    internal static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    // GLib / GObject
    [DllImport(GObject, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void g_object_unref(IntPtr gobject);

    [DllImport(GLib, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void g_free(IntPtr memory);

    [DllImport(GLib, CallingConvention = CallingConvention.Cdecl)]
    internal static extern void g_strfreev(IntPtr strings);
}

/// <summary>A reference to a VipsImage, released with g_object_unref.</summary>
internal sealed class VipsImageHandle : SafeHandle
{
    public VipsImageHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        VipsNative.g_object_unref(handle);
        return true;
    }
}

/// <summary>Memory allocated by GLib (a saver's output, a vector), released with g_free.</summary>
internal sealed class GLibBuffer : SafeHandle
{
    public GLibBuffer() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        VipsNative.g_free(handle);
        return true;
    }
}
