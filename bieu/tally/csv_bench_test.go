package tally

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"sync"
	"testing"
	"time"
)

// benchCSV is a case list of n rows written the way one-stop systems
// export it (the columns of examples/caselist), built once per size.
var (
	benchCSVMu    sync.Mutex
	benchCSVFiles = map[int][]byte{}
)

func benchCSV(n int) []byte {
	benchCSVMu.Lock()
	defer benchCSVMu.Unlock()
	if b, ok := benchCSVFiles[n]; ok {
		return b
	}
	var buf bytes.Buffer
	buf.WriteString("\xEF\xBB\xBFSTT,Mã hồ sơ,Tên thủ tục hành chính,Lĩnh vực,Cấp,Cơ quan giải quyết,Kênh tiếp nhận,Loại DVCTT,Ngày tiếp nhận,Ngày hẹn trả,Ngày yêu cầu bổ sung,Ngày nhận bổ sung,Ngày trả kết quả,Trạng thái\r\n")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	recs := history(11, 1<<12, time.Date(2024, 5, 1, 0, 0, 0, 0, Vietnam()), 150)
	procs := []string{"Chứng thực chữ ký trong các giấy tờ, văn bản", "Đăng ký khai sinh", "Cấp giấy phép xây dựng", "Đăng ký hộ kinh doanh"}
	channel := []string{"", "Trực tuyến", "Trực tiếp", "Bưu chính công ích"}
	service := []string{"", "Một phần", "Toàn trình"}
	outcome := []string{"Đang xử lý", "Đã trả kết quả", "Đã trả kết quả", "Đã trả kết quả", "Trả lại", "Xin rút", "Dừng xử lý"}
	level := []string{"", "Cấp tỉnh", "Cấp huyện", "Cấp xã"}
	const dt = "02/01/2006 15:04"
	for i := range n {
		r := recs[i&(len(recs)-1)]
		row := []string{fmt.Sprint(i + 1), fmt.Sprintf("000.20.31.H12-%06d", i), procs[i%len(procs)], r.Field, level[r.Level],
			r.Unit, channel[r.Channel], service[r.Service], r.Received.Format(dt), r.Due.Format("02/01/2006"), "", "", "", outcome[r.Outcome]}
		if len(r.Pauses) > 0 {
			row[10] = r.Pauses[0].From.Format(dt)
			if !r.Pauses[0].To.IsZero() {
				row[11] = r.Pauses[0].To.Format(dt)
			}
		}
		if !r.Finished.IsZero() {
			row[12] = r.Finished.Format(dt)
		} else {
			row[13] = outcome[0]
		}
		_ = w.Write(row)
	}
	w.Flush()
	benchCSVFiles[n] = buf.Bytes()
	return buf.Bytes()
}

// reportCPU, deferred as defer reportCPU(b)(), reports the process's CPU
// time per op as cpu-ns/op. Run with -test.cpu 1 it is this benchmark's
// work (the collector included): on a shared machine, where ns/op grows
// with the time spent waiting for a core, the ratio of two benchmarks'
// cpu-ns/op is the steadier one.
func reportCPU(b *testing.B) func() {
	start, ok := processCPU()
	return func() {
		end, _ := processCPU()
		if ok && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

// BenchmarkReadCSV reads the same case list with ReadCSV (header matched,
// dates parsed, values classified, records built) and with its floor,
// encoding/csv with ReuseRecord touching every field: the tokeniser
// ReadCSV is built on, so the ratio is what reading records costs over
// splitting the lines. B/op at 10k and 100k rows shows memory flat in rows.
// With -test.cpu 1, cpu-ns/op (reportCPU) is the steadier ratio on a
// shared machine.
func BenchmarkReadCSV(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		data := benchCSV(n)
		name := fmt.Sprintf("%dk", n/1000)
		b.Run(name+"/reader", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				got := 0
				for _, err := range ReadCSV(bytes.NewReader(data), ReadOptions{}) {
					if err != nil {
						b.Fatal(err)
					}
					got++
				}
				if got != n {
					b.Fatalf("%d records, want %d", got, n)
				}
			}
		})
		b.Run(name+"/floor", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			defer reportCPU(b)()
			for b.Loop() {
				rd := csv.NewReader(bytes.NewReader(data))
				rd.ReuseRecord = true
				rd.FieldsPerRecord = -1
				got, size := 0, 0
				for {
					rec, err := rd.Read()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					for _, f := range rec {
						size += len(f)
					}
					got++
				}
				if got != n+1 || size == 0 {
					b.Fatalf("%d lines, want %d", got, n+1)
				}
			}
		})
	}
}
