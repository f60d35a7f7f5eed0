package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// maxMessageLine bounds how much of one stdout line is buffered to be parsed
// as a cargo JSON message (a big diagnostic or a long list of filenames).
const maxMessageLine = 16 << 20

var cargoMessagePrefix = []byte(`{"reason":`)

// pumpLines reads r line by line. Complete lines (with their '\n', if any)
// go to onLine. A line longer than the read buffer is only accumulated
// while keep(partial) says so (and below maxMessageLine); otherwise it is
// streamed through onRaw in chunks, so output without newlines is never held
// back indefinitely or buffered without bound.
func pumpLines(r io.Reader, keep func(partial []byte) bool, onLine, onRaw func([]byte)) {
	br := bufio.NewReaderSize(r, 64<<10)
	var acc []byte
	rawMode := false // streaming the rest of an over-long line
	for {
		chunk, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			if rawMode {
				onRaw(chunk)
				continue
			}
			acc = append(acc, chunk...)
			if len(acc) > maxMessageLine || keep == nil || !keep(acc) {
				onRaw(acc)
				acc, rawMode = nil, true
			}
			continue
		}
		if len(chunk) > 0 {
			switch {
			case rawMode:
				onRaw(chunk)
			case acc != nil:
				acc = append(acc, chunk...)
				onLine(acc)
			default:
				onLine(chunk)
			}
		}
		acc, rawMode = nil, false
		if err != nil {
			return
		}
	}
}

// keepCargoMessage keeps accumulating a long stdout line only if it is a
// cargo JSON message.
func keepCargoMessage(partial []byte) bool { return bytes.HasPrefix(partial, cargoMessagePrefix) }
