#pragma once
// ReadRows on a second thread: expat and a per-row `prepare` step (text conversion, parsing) run
// there while the calling thread `consume`s what is ready (database writes), so an import keeps
// both cores busy. The two meet in a bounded queue of batches: memory stays flat however large
// the file, and however far the reader could run ahead of the writer.
//
// `prepare` runs on the reader thread: it may only read what the caller's thread does not change
// while the file is read. `consume` runs on the calling thread, in file order. The outcome is the
// one ReadRows gives: a consume returning false, or malformed XML, stops the reading; the rows
// read before malformed XML are consumed first, as ReadRows would have handed them over.
// An exception thrown by `prepare` is rethrown on the calling thread; one thrown by `consume`
// stops the reader before it leaves.

#include <pthread.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "importer/xml_rows.hpp"

namespace hoot::importer {

template <typename T>
class RowsAhead {
  public:
    // A batch amortises the locking over many rows; a few batches in flight are enough to ride
    // out the writer's pauses (a B-tree page split, a cache spill).
    static constexpr std::size_t kBatch = 256;
    static constexpr std::size_t kBatchesInFlight = 8;

    template <typename Prepare, typename Consume>
    static ReadOutcome Read(const std::filesystem::path& file, Prepare&& prepare,
                            Consume&& consume) {
        RowsAhead queue;
        ReadOutcome outcome;
        std::thread reader([&] {
            // Named for top and perf, which otherwise show both threads as "hoot".
            pthread_setname_np(pthread_self(), "hoot-rows-ahead");
            try {
                std::vector<Item> batch;
                batch.reserve(kBatch);
                outcome = ReadRows(file, [&](const Row& row, const RowPosition& at) {
                    batch.push_back({prepare(row, at), at});
                    if (batch.size() < kBatch) return true;
                    return queue.Push(std::exchange(batch, {}));
                });
                if (!batch.empty()) queue.Push(std::move(batch));
            } catch (...) {
                queue.failure_ = std::current_exception();
            }
            queue.Close();
        });
        bool stopped = false;
        try {
            for (std::vector<Item> batch; !stopped && queue.Pop(batch);) {
                for (auto& item : batch)
                    if (!consume(item.value, item.at)) {
                        stopped = true;
                        break;
                    }
            }
        } catch (...) {
            queue.Stop();
            reader.join();
            throw;
        }
        if (stopped) queue.Stop();
        reader.join();
        if (queue.failure_) std::rethrow_exception(queue.failure_);
        if (stopped) {
            outcome.ok = false;
            outcome.message = "stopped";
        }
        return outcome;
    }

  private:
    struct Item {
        T value;
        RowPosition at;
    };

    // False when the consumer has stopped: the reader then stops too.
    bool Push(std::vector<Item> batch) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopped_ || batches_.size() < kBatchesInFlight; });
        if (stopped_) return false;
        batches_.push_back(std::move(batch));
        changed_.notify_all();
        return true;
    }

    // False once the reader has finished and every batch was taken.
    bool Pop(std::vector<Item>& batch) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return closed_ || !batches_.empty(); });
        if (batches_.empty()) return false;
        batch = std::move(batches_.front());
        batches_.pop_front();
        changed_.notify_all();
        return true;
    }

    void Close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        changed_.notify_all();
    }

    void Stop() {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        batches_.clear();
        changed_.notify_all();
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<Item>> batches_;
    bool closed_ = false, stopped_ = false;
    std::exception_ptr failure_;  // written by the reader before Close(), read after join
};

}  // namespace hoot::importer
