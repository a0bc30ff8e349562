using System.Diagnostics;
using System.Runtime.InteropServices;
using Network.Modules.Media.Imaging;

/// <summary>Where the time goes: decoding at reduced scale, resizing, and each encoder, one thread, measured in CPU time.</summary>
internal static class Stages
{
    public static void Run(byte[] jpeg)
    {
        var handle = GCHandle.Alloc(jpeg, GCHandleType.Pinned);
        try
        {
            for (var round = 0; round < 2; round++)
            {
                var t = Stopwatch.StartNew();
                Check(VipsNative.vips_thumbnail_buffer(handle.AddrOfPinnedObject(), (nuint)jpeg.Length, out var thumb, 1920, "height", 10_000_000, "size", 2, "option_string", "fail_on=error", IntPtr.Zero));
                using var largest = VipsNative.vips_image_copy_memory(thumb);
                thumb.Dispose();
                var decode = t.Elapsed.TotalMilliseconds;
                Console.WriteLine($"\nround {round}: shrink-on-load decode to 1920: {decode:0} ms");
                foreach (var width in new[] { 1920, 1280, 960, 640, 320 })
                {
                    VipsImageHandle image;
                    t.Restart();
                    if (width == 1920) image = largest; else Check(VipsNative.vips_thumbnail_image(largest, out image, width, "height", 10_000_000, "size", 2, IntPtr.Zero));
                    using var resized = VipsNative.vips_image_copy_memory(image);
                    var resize = t.Elapsed.TotalMilliseconds;
                    var line = $"  {width}: resize {resize:0} ms";
                    foreach (var effort in new[] { 4, 2, 0 })
                    {
                        t.Restart();
                        Check(VipsNative.vips_webpsave_buffer(resized, out var b, out _, "Q", 80, "strip", 1, "effort", effort, IntPtr.Zero));
                        b.Dispose();
                        line += $", webp effort {effort} {t.Elapsed.TotalMilliseconds:0} ms";
                    }
                    foreach (var interlace in new[] { 1, 0 })
                    {
                        t.Restart();
                        Check(VipsNative.vips_jpegsave_buffer(resized, out var b, out _, "Q", 82, "strip", 1, "interlace", interlace, IntPtr.Zero));
                        b.Dispose();
                        line += $", jpeg {(interlace == 1 ? "progressive" : "baseline")} {t.Elapsed.TotalMilliseconds:0} ms";
                    }
                    if (width != 1920) image.Dispose();
                    Console.WriteLine(line);
                }
            }
        }
        finally
        {
            handle.Free();
        }
    }

    private static void Check(int result)
    {
        if (result != 0) throw new InvalidOperationException(Marshal.PtrToStringUTF8(VipsNative.vips_error_buffer()));
    }
}
