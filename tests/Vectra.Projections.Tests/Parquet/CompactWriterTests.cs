using Vectra.Projections.Parquet.Encoding;
using Vectra.Projections.Parquet.Format;
using Vectra.Projections.Parquet.Thrift;

namespace Vectra.Projections.Tests.Parquet;

/// <summary>Thrift compact protocol bytes, computed by hand from the protocol specification.</summary>
public sealed class CompactWriterTests
{
    private static byte[] Encode(Action<CompactWriter> write)
    {
        using var buffer = new ByteBuffer();
        var writer = new CompactWriter(buffer);
        writer.BeginStruct();
        write(writer);
        writer.EndStruct();
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void A_small_field_id_delta_shares_the_header_byte_with_the_type()
    {
        // delta 1, type i32 (5) -> 0x15; zigzag(1) = 2; stop
        Assert.Equal([0x15, 0x02, 0x00], Encode(w => w.I32Field(1, 1)));
    }

    [Fact]
    public void A_field_id_delta_above_15_is_written_in_long_form()
    {
        // type byte 0x05, then zigzag(17) = 34 = 0x22 as varint, then zigzag(-1) = 1
        Assert.Equal([0x05, 0x22, 0x01, 0x00], Encode(w => w.I32Field(17, -1)));
    }

    [Fact]
    public void Integers_are_zigzag_varints()
    {
        // 300 -> zigzag 600 = 0b100_1011000 -> 0xD8 0x04; i64 -1 -> 1; i64 long.MinValue -> 2^64-1, ten bytes
        Assert.Equal([0x15, 0xD8, 0x04, 0x16, 0x01, 0x00], Encode(w =>
        {
            w.I32Field(1, 300);
            w.I64Field(2, -1);
        }));
        Assert.Equal([0x16, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00], Encode(w => w.I64Field(1, long.MinValue)));
    }

    [Fact]
    public void Booleans_live_in_the_field_header()
    {
        // true is type 1, false is type 2
        Assert.Equal([0x11, 0x12, 0x00], Encode(w =>
        {
            w.BoolField(1, true);
            w.BoolField(2, false);
        }));
    }

    [Fact]
    public void Binary_and_strings_are_length_prefixed()
    {
        Assert.Equal([0x18, 0x03, (byte)'a', (byte)'b', (byte)'c', 0x18, 0x02, 0xC3, 0xA9, 0x00], Encode(w =>
        {
            w.BinaryField(1, "abc"u8);
            w.StringField(2, "é");
        }));
    }

    [Fact]
    public void Short_and_long_list_headers()
    {
        // 3 x i32: (3 << 4) | 5 = 0x35; 15 x i32: 0xF5 then varint 15
        Assert.Equal([0x19, 0x35, 0x02, 0x04, 0x06, 0x00], Encode(w =>
        {
            w.ListField(1, CompactType.I32, 3);
            w.I32(1);
            w.I32(2);
            w.I32(3);
        }));
        var longList = Encode(w =>
        {
            w.ListField(1, CompactType.I32, 15);
            for (var i = 0; i < 15; i++)
            {
                w.I32(0);
            }
        });
        Assert.Equal([0x19, 0xF5, 0x0F], longList[..3]);
        Assert.Equal(3 + 15 + 1, longList.Length);
    }

    [Fact]
    public void A_nested_struct_restarts_field_deltas_and_the_outer_struct_resumes_its_own()
    {
        // field 1 struct (0x1C) { field 1 i32 5 (0x15 0x0A) stop } field 2 i32 7 (delta 1: 0x15 0x0E) stop
        Assert.Equal([0x1C, 0x15, 0x0A, 0x00, 0x15, 0x0E, 0x00], Encode(w =>
        {
            w.StructField(1);
            w.I32Field(1, 5);
            w.EndStruct();
            w.I32Field(2, 7);
        }));
    }

    [Fact]
    public void A_data_page_header_matches_the_hand_encoding()
    {
        using var buffer = new ByteBuffer();
        new PageHeader(PageType.DataPage, 100, 50, new DataPageHeader(10, ValueEncoding.Plain), null).Write(new CompactWriter(buffer));
        byte[] expected =
        [
            0x15, 0x00,       // 1: type DATA_PAGE
            0x15, 0xC8, 0x01, // 2: uncompressed 100 -> zigzag 200
            0x15, 0x64,       // 3: compressed 50 -> zigzag 100
            0x2C,             // 5: data_page_header (delta 2, struct)
            0x15, 0x14,       //   1: num_values 10
            0x15, 0x00,       //   2: encoding PLAIN
            0x15, 0x06,       //   3: definition levels RLE (3)
            0x15, 0x06,       //   4: repetition levels RLE (3)
            0x00,             //   stop
            0x00,             // stop
        ];
        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_timestamp_logical_type_matches_the_hand_encoding()
    {
        using var buffer = new ByteBuffer();
        var writer = new CompactWriter(buffer);
        writer.BeginStruct();
        new LogicalType.TimestampMicrosUtc().WriteAsField(writer, 10);
        writer.EndStruct();
        byte[] expected =
        [
            0xAC,             // field 10 (delta 10), struct: LogicalType
            0x8C,             //   8: TIMESTAMP (delta 8), struct
            0x11,             //     1: isAdjustedToUTC = true
            0x1C,             //     2: unit (delta 1), struct TimeUnit
            0x2C, 0x00,       //       2: MICROS (delta 2), empty struct
            0x00,             //     stop TimeUnit
            0x00,             //   stop TimestampType
            0x00,             // stop LogicalType
            0x00,             // stop outer
        ];
        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
    }
}
