module github.com/rustcargo/helper

go 1.22
