#include "queue/nats_queue.h"

#include <nats/nats.h>

#include <algorithm>
#include <map>

namespace marsad::queue {
namespace {

constexpr int64_t kNanos = 1000000000LL;

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

Status NatsError(const std::string& what, natsStatus s, jsErrCode js = static_cast<jsErrCode>(0)) {
  std::string m = what + ": " + natsStatus_GetText(s);
  if (js) m += " (JetStream error " + std::to_string(static_cast<int>(js)) + ")";
  return Status::IoError(m);
}

class NatsQueue : public Queue {
 public:
  explicit NatsQueue(NatsOptions o) : o_(std::move(o)) {}
  ~NatsQueue() override {
    for (auto& [topic, sub] : subs_) natsSubscription_Destroy(sub);
    jsCtx_Destroy(js_);
    natsConnection_Destroy(nc_);
    natsOptions_Destroy(opts_);
  }

  Status Connect() {
    natsStatus s = natsOptions_Create(&opts_);
    std::vector<const char*>& servers = Servers();
    if (s == NATS_OK) s = natsOptions_SetServers(opts_, servers.data(), static_cast<int>(servers.size()));
    // Reconnect forever (a restarted server comes back); publishes wait in the meantime.
    if (s == NATS_OK) s = natsOptions_SetMaxReconnect(opts_, -1);
    if (s == NATS_OK) s = natsOptions_SetReconnectWait(opts_, 200);
    if (s == NATS_OK) s = natsOptions_SetTimeout(opts_, 5000);
    if (s == NATS_OK) s = natsConnection_Connect(&nc_, opts_);
    if (s != NATS_OK) {
      return NatsError("cannot connect to NATS at " + o_.url +
                           " (is nats-server running with JetStream, -js? scripts/services/services.sh starts one)",
                       s);
    }
    jsOptions jo;
    jsOptions_Init(&jo);
    jo.Wait = 10000;  // ms for JetStream API replies and publish acks
    if ((s = natsConnection_JetStream(&js_, nc_, &jo)) != NATS_OK) return NatsError("JetStream context", s);
    for (const char* topic : {kDocsTopic, kArticlesTopic, kDeadTopic}) {
      if (Status st = EnsureStream(topic); !st.ok()) return st;
    }
    if (Status st = EnsureConsumer(kDocsTopic, "workers", o_.ack_wait.count() * kNanos, o_.max_deliver); !st.ok()) {
      return st;
    }
    // The assigner must never lose an outcome: no delivery limit.
    return EnsureConsumer(kArticlesTopic, "assigner", o_.assigner_ack_wait.count() * kNanos, -1);
  }

  Status Publish(const std::string& topic, const std::string& msg_id, std::string_view data, bool* duplicate) override {
    jsPubOptions po;
    jsPubOptions_Init(&po);
    if (!msg_id.empty()) po.MsgId = msg_id.c_str();
    jsPubAck* ack = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    std::string subject = Subject(topic);
    natsStatus s = js_Publish(&ack, js_, subject.c_str(), data.data(), static_cast<int>(data.size()), &po, &jerr);
    if (s != NATS_OK) return NatsError("publish to " + subject, s, jerr);
    if (duplicate) *duplicate = ack->Duplicate;
    jsPubAck_Destroy(ack);
    return Status::Ok();
  }

  Result<std::vector<Received>> Fetch(const std::string& topic, size_t max, std::chrono::milliseconds wait) override {
    auto sub = Subscription(topic);
    if (!sub.ok()) return sub.status();
    natsMsgList list{};
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = natsSubscription_Fetch(&list, sub.value(), static_cast<int>(max),
                                          std::max<int64_t>(1, wait.count()), &jerr);
    std::vector<Received> out;
    if (s == NATS_TIMEOUT) return out;
    if (s != NATS_OK) return NatsError("fetch from " + Subject(topic), s, jerr);
    for (int i = 0; i < list.Count; ++i) {
      natsMsg* m = list.Msgs[i];
      list.Msgs[i] = nullptr;
      Received r;
      r.topic = topic;
      r.data.assign(natsMsg_GetData(m), static_cast<size_t>(natsMsg_GetDataLength(m)));
      const char* id = nullptr;
      if (natsMsgHeader_Get(m, "Nats-Msg-Id", &id) == NATS_OK && id) r.msg_id = id;
      jsMsgMetaData* meta = nullptr;
      if (natsMsg_GetMetaData(&meta, m) == NATS_OK) {
        r.seq = meta->Sequence.Stream;
        r.deliveries = meta->NumDelivered;
        jsMsgMetaData_Destroy(meta);
      }
      r.handle = std::shared_ptr<void>(m, [](void* p) { natsMsg_Destroy(static_cast<natsMsg*>(p)); });
      out.push_back(std::move(r));
    }
    natsMsgList_Destroy(&list);
    return out;
  }

  Status Ack(const Received& m) override { return Settle(m, natsMsg_Ack(Msg(m), nullptr), "ack"); }
  Status Term(const Received& m) override { return Settle(m, natsMsg_Term(Msg(m), nullptr), "term"); }
  Status InProgress(const Received& m) override { return Settle(m, natsMsg_InProgress(Msg(m), nullptr), "in-progress"); }
  Status Nak(const Received& m, std::chrono::milliseconds delay) override {
    natsStatus s = delay.count() > 0 ? natsMsg_NakWithDelay(Msg(m), delay.count(), nullptr) : natsMsg_Nak(Msg(m), nullptr);
    return Settle(m, s, "nak");
  }
  int max_deliver() const override { return o_.max_deliver; }

  Result<std::optional<Received>> GetDoc(uint64_t seq) override {
    natsMsg* m = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    const std::string stream = Stream(kDocsTopic);
    natsStatus s = js_GetMsg(&m, js_, stream.c_str(), seq, nullptr, &jerr);
    if (s == NATS_NOT_FOUND || jerr == JSNoMessageFoundErr) return std::optional<Received>();
    if (s != NATS_OK) return NatsError("get document #" + std::to_string(seq) + " from " + stream, s, jerr);
    Received r;
    r.topic = kDocsTopic;
    r.seq = seq;
    r.data.assign(natsMsg_GetData(m), static_cast<size_t>(natsMsg_GetDataLength(m)));
    natsMsg_Destroy(m);
    return std::optional<Received>(std::move(r));
  }

 private:
  static natsMsg* Msg(const Received& m) { return static_cast<natsMsg*>(m.handle.get()); }
  static Status Settle(const Received& m, natsStatus s, const char* what) {
    // The message may have been settled already (natsMsg remembers); that is fine.
    if (s == NATS_OK || s == NATS_ILLEGAL_STATE) return Status::Ok();
    return NatsError(std::string(what) + " of " + m.topic + " #" + std::to_string(m.seq), s);
  }

  std::vector<const char*>& Servers() {
    // "nats://a:4222,nats://b:4222" -> one entry per server.
    size_t from = 0;
    while (from <= o_.url.size()) {
      size_t comma = o_.url.find(',', from);
      if (comma == std::string::npos) comma = o_.url.size();
      if (comma > from) server_strings_.push_back(o_.url.substr(from, comma - from));
      from = comma + 1;
    }
    for (const auto& s : server_strings_) servers_.push_back(s.c_str());
    return servers_;
  }
  std::string Subject(const std::string& topic) const { return o_.prefix + "." + topic; }
  std::string Stream(const std::string& topic) const { return Upper(o_.prefix + "_" + topic); }

  Status EnsureStream(const std::string& topic) {
    std::string name = Stream(topic), subject = Subject(topic);
    jsStreamInfo* si = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    if (js_GetStreamInfo(&si, js_, name.c_str(), nullptr, &jerr) == NATS_OK) {
      jsStreamInfo_Destroy(si);
      return Status::Ok();
    }
    jsStreamConfig cfg;
    jsStreamConfig_Init(&cfg);
    const char* subjects[] = {subject.c_str()};
    cfg.Name = name.c_str();
    cfg.Subjects = subjects;
    cfg.SubjectsLen = 1;
    // Documents stay after their ack for docs_retention (GetDoc: a document whose outcome
    // the broker lost in a crash is processed again); articles go once acked.
    cfg.Retention = topic == kArticlesTopic ? js_WorkQueuePolicy : js_LimitsPolicy;
    if (topic == kDocsTopic) cfg.MaxAge = static_cast<int64_t>(o_.docs_retention.count()) * 3600 * kNanos;
    cfg.Storage = js_FileStorage;
    cfg.Replicas = o_.replicas;
    cfg.Duplicates = static_cast<int64_t>(o_.duplicate_window.count()) * 60 * kNanos;
    natsStatus s = js_AddStream(&si, js_, &cfg, nullptr, &jerr);
    if (s != NATS_OK && jerr != JSStreamNameExistErr) return NatsError("create stream " + name, s, jerr);
    if (si) jsStreamInfo_Destroy(si);
    return Status::Ok();
  }

  Status EnsureConsumer(const std::string& topic, const char* durable, int64_t ack_wait_ns, int64_t max_deliver) {
    std::string stream = Stream(topic);
    jsConsumerConfig cc;
    jsConsumerConfig_Init(&cc);
    cc.Durable = durable;
    cc.AckPolicy = js_AckExplicit;
    cc.AckWait = ack_wait_ns;
    cc.MaxDeliver = max_deliver;
    cc.MaxAckPending = 100000;
    cc.MaxWaiting = 512;
    jsConsumerInfo* ci = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = js_AddConsumer(&ci, js_, stream.c_str(), &cc, nullptr, &jerr);
    if (s != NATS_OK) {
      // Exists with other settings (e.g. another --ack-wait): update what may change.
      s = js_UpdateConsumer(&ci, js_, stream.c_str(), &cc, nullptr, &jerr);
      if (s != NATS_OK) {
        jsConsumerInfo* existing = nullptr;
        if (js_GetConsumerInfo(&existing, js_, stream.c_str(), durable, nullptr, &jerr) != NATS_OK) {
          return NatsError("create consumer " + std::string(durable) + " on " + stream, s, jerr);
        }
        jsConsumerInfo_Destroy(existing);
      }
    }
    if (ci) jsConsumerInfo_Destroy(ci);
    return Status::Ok();
  }

  Result<natsSubscription*> Subscription(const std::string& topic) {
    auto it = subs_.find(topic);
    if (it != subs_.end()) return it->second;
    if (topic == kDeadTopic) return Status::InvalidArgument("the dead topic is not consumed");
    std::string stream = Stream(topic), subject = Subject(topic);
    const char* durable = topic == kDocsTopic ? "workers" : "assigner";
    jsSubOptions so;
    jsSubOptions_Init(&so);
    so.Stream = stream.c_str();
    so.Consumer = durable;  // bind to the shared durable consumer made by Connect()
    natsSubscription* sub = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = js_PullSubscribe(&sub, js_, subject.c_str(), durable, nullptr, &so, &jerr);
    if (s != NATS_OK) return NatsError("subscribe to " + stream, s, jerr);
    subs_[topic] = sub;
    return sub;
  }

  NatsOptions o_;
  natsOptions* opts_ = nullptr;
  natsConnection* nc_ = nullptr;
  jsCtx* js_ = nullptr;
  std::map<std::string, natsSubscription*> subs_;
  std::vector<std::string> server_strings_;
  std::vector<const char*> servers_;
};

}  // namespace

bool IsNatsUrl(const std::string& s) { return s.rfind("nats://", 0) == 0 || s.rfind("tls://", 0) == 0; }

Result<std::unique_ptr<Queue>> OpenNatsQueue(const NatsOptions& options) {
  auto q = std::make_unique<NatsQueue>(options);
  if (Status s = q->Connect(); !s.ok()) return s;
  return std::unique_ptr<Queue>(std::move(q));
}

}  // namespace marsad::queue
