
func TestASecondHelperWaitsForTheTargetLock(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "1")
	state := filepath.Join(f.target, ".rustcargo")
	if err := os.MkdirAll(state, 0o755); err != nil {
		t.Fatal(err)
	}
	// An "orphan" holding the lock, as a helper of a crashed daemon's container would.
	lock, err := os.OpenFile(filepath.Join(state, "lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	released := make(chan time.Time, 1)
	go func() {
		time.Sleep(1500 * time.Millisecond)
		released <- time.Now()
		lock.Close()
	}()
	r := f.run(fakeProgram(t, t.TempDir(), "true\n"))
	finished := time.Now()
	r.mustSucceed(t)
	if at := <-released; finished.Before(at) {
		t.Fatal("the helper ran while another held the target lock")
	}
	if w := r.event("warning"); w == nil || !strings.Contains(w["message"].(string), "still in use") {
		t.Fatalf("no warning about the wait: %v", r.events)
	}
}
