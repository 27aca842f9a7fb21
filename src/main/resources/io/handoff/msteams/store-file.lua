-- Keeps a file Teams shows by link, and notes it in the index of the person it was made for.
-- KEYS: 1 file  2 index of the person's files (set)
-- ARGV: 1 file id  2 ttl seconds  3 value (<media type>\n<file name>\n<bytes>)
-- Every file lives equally long, so the index outlives none of the files it names: forget-me erases them all.
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return 1
