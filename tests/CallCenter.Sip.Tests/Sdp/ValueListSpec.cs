using CallCenter.Sip.Sdp;
using CsCheck;

namespace CallCenter.Sip.Tests.Sdp;

public class ValueListSpec
{
    [Fact]
    public void ValueList_should_treat_default_as_empty()
    {
        ValueList<string> none = default;

        Assert.True(none.IsEmpty);
        Assert.Empty(none);
        Assert.Equal(ValueList<string>.Empty, []);
        Assert.Equal(none, new ValueList<string>([]));
        Assert.Equal(none.GetHashCode(), ValueList.Create<string>([]).GetHashCode());
    }

    [Fact]
    public void ValueList_should_be_equal_by_elements_and_order() =>
        Gen.String.List[0, 5].Sample(items =>
        {
            var a = ValueList.From(items);
            var b = ValueList.From(items.ToArray());
            Assert.True(a == b);
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.True(a != a.Add("extra"));
            if (items.Count > 1 && items[0] != items[^1])
            {
                Assert.NotEqual(a, ValueList.From(Enumerable.Reverse(items)));
            }
        });

    [Fact]
    public void ValueList_should_not_change_when_added_to()
    {
        ValueList<int> one = [1];

        var two = one.Add(2);

        Assert.Equal([1], one);
        Assert.Equal([1, 2], two);
        Assert.Equal([1, 3], two.SetItem(1, 3));
    }
}
