-- wrk script for bench/backends.sh: every request posts a new comment, through the JSON API, to
-- the hoot HOOT_BENCH_HOOT as the holder of the session token HOOT_BENCH_TOKEN.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("thread_number", #threads)
end

function init(args)
    path = "/api/v1/hoots/" .. os.getenv("HOOT_BENCH_HOOT") .. "/comments"
    headers = {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. os.getenv("HOOT_BENCH_TOKEN"),
    }
    sent = 0
end

function request()
    sent = sent + 1
    local body = string.format(
        '{"body":"Comment %d from load thread %d. An easy recovery run the day after a long one ' ..
        'helps the legs more than a day on the sofa, as long as it really stays easy."}',
        sent, thread_number)
    return wrk.format("POST", path, headers, body)
end
